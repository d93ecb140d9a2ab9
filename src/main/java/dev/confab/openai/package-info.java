/** The OpenAI-compatible API: /v1/chat/completions (whole and streamed) and /v1/models, personas as models. */
package dev.confab.openai;
