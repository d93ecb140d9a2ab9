// Talks to Confab through the official OpenAI Node client, as any OpenAI application would.
// Usage: node openai-client.mjs <base URL of the OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1> <persona>
// Prints one JSON document with what the client saw; OpenAiClientTests checks it.
import OpenAI from "openai";

const [baseURL, persona] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: "not-needed-yet", maxRetries: 0 });

const models = await client.models.list();
const modelIds = [];
for await (const model of models) modelIds.push(model.id);

const whole = await client.chat.completions.create({
  model: persona,
  messages: [
    { role: "system", content: "Answer briefly." },
    { role: "user", content: "first question" },
    { role: "assistant", content: "first answer" },
    { role: "user", content: "Hello from the OpenAI client" },
  ],
  temperature: 0.2,
});

const stream = await client.chat.completions.create({
  model: "local-offline",
  messages: [{ role: "user", content: "Stream to the OpenAI client" }],
  stream: true,
});
let streamed = "";
let chunks = 0;
let finish = null;
for await (const chunk of stream) {
  chunks++;
  streamed += chunk.choices[0]?.delta?.content ?? "";
  finish = chunk.choices[0]?.finish_reason ?? finish;
}

let refused = null;
try {
  await client.chat.completions.create({ model: "no-such-model-9", messages: [{ role: "user", content: "hi" }] });
} catch (error) {
  refused = { status: error.status, code: error.code ?? error.error?.code ?? null };
}

console.log(JSON.stringify({
  modelIds,
  whole: { content: whole.choices[0].message.content, finish: whole.choices[0].finish_reason, usage: whole.usage, model: whole.model },
  stream: { content: streamed, chunks, finish },
  refused,
}));
