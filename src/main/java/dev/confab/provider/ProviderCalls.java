package dev.confab.provider;

import dev.confab.problem.Problem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Calls providers the way a careful client would: a transient failure is tried again after a
 * pause (the provider's Retry-After when it gives one), a provider whose circuit is open is not
 * called, and when one provider fails the next of the fallback chain is asked. When every one
 * fails, the caller gets the first provider's failure as a 5xx, with what each one did.
 */
public class ProviderCalls implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final ProviderGuards guards;
    private final Duration timeout;

    /**
     * Where provider streams are subscribed. Some clients read their whole stream on the thread
     * that subscribes (Spring AI's Gemini model iterates the SDK's blocking ResponseStream with
     * Flux.fromIterable), and the doors subscribe on the thread that writes the events, which would
     * then write nothing until the provider was done. A virtual thread per stream, as a stream may
     * last minutes: a bounded pool would make the next streams wait.
     */
    private final Scheduler streams = Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(),
            "provider-streams");

    ProviderCalls(ProviderGuards guards, ProviderSettings settings) {
        this.guards = guards;
        this.timeout = settings.timeout();
    }

    /** A chat response and the provider and model that gave it. */
    public record Answered(ModelChoice by, ChatResponse response) {
    }

    public Answered call(List<ModelChoice> chain, Function<ModelChoice, Prompt> prompts) {
        List<Failed> failures = new ArrayList<>();
        for (ModelChoice choice : chain) {
            Prompt prompt = prompts.apply(choice);
            Retry retry = guards.retry(choice.provider());
            CircuitBreaker breaker = guards.breaker(choice.provider());
            try {
                ChatResponse response = retry.executeSupplier(() -> breaker.executeSupplier(
                        () -> whole(choice.chatModel().call(prompt))));
                return new Answered(choice, response);
            } catch (RuntimeException failure) {
                if (!giveWay(choice, failure, failures, chain)) {
                    break;
                }
            }
        }
        throw allFailed(chain, failures);
    }

    /**
     * The first provider that starts streaming is the one that answers: a retry or a fallback
     * happens only before the first chunk, so no text is sent twice. A stream that fails later
     * ends with its failure.
     */
    public Flux<Answered> stream(List<ModelChoice> chain, Function<ModelChoice, Prompt> prompts) {
        return streamFrom(0, chain, prompts, new ArrayList<>());
    }

    private Flux<Answered> streamFrom(int index, List<ModelChoice> chain, Function<ModelChoice, Prompt> prompts,
            List<Failed> failures) {
        ModelChoice choice = chain.get(index);
        Flux<ChatResponse> attempt = Flux.defer(() -> {
            AtomicBoolean started = new AtomicBoolean();
            return choice.chatModel().stream(prompts.apply(choice))
                    .subscribeOn(streams)
                    .timeout(Mono.delay(timeout), chunk -> Mono.delay(timeout))
                    .doOnNext(chunk -> started.set(true))
                    .onErrorMap(failure -> started.get() ? new ProviderFault.StreamCut(failure) : failure);
        });
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(guards.breaker(choice.provider())))
                .transformDeferred(RetryOperator.of(guards.retry(choice.provider())))
                .map(chunk -> new Answered(choice, chunk))
                .onErrorResume(failure -> {
                    if (failure instanceof ProviderFault.StreamCut cut) {
                        return Mono.error(ProviderFailures.translate(cut, choice));
                    }
                    if (giveWay(choice, failure, failures, chain)) {
                        return streamFrom(index + 1, chain, prompts, failures);
                    }
                    return Mono.error(allFailed(chain, failures));
                });
    }

    @Override
    public void close() {
        streams.dispose();
    }

    private record Failed(ModelChoice choice, RuntimeException failure) {
    }

    /** Records a failure; true when the next provider of the chain should be asked. */
    private static boolean giveWay(ModelChoice choice, Throwable failure, List<Failed> failures, List<ModelChoice> chain) {
        RuntimeException runtime = failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        failures.add(new Failed(choice, runtime));
        ProviderFault fault = ProviderFault.of(runtime);
        boolean next = failures.size() < chain.size() && fault.fallsBack();
        if (next) {
            ModelChoice standIn = chain.get(failures.size());
            log.warn("{} {} failed ({}): asking {} {}", choice.provider().id(), choice.model(),
                    fault.kind().name().toLowerCase(), standIn.provider().id(), standIn.model());
        }
        return next;
    }

    private static Problem allFailed(List<ModelChoice> chain, List<Failed> failures) {
        Failed first = failures.get(0);
        Problem problem = ProviderFailures.translate(first.failure(), first.choice());
        if (chain.size() == 1) {
            return problem;
        }
        List<Map<String, Object>> attempts = failures.stream().map(f -> {
            Map<String, Object> attempt = new LinkedHashMap<>();
            attempt.put("provider", f.choice().provider().id());
            attempt.put("model", f.choice().model());
            attempt.put("code", ProviderFailures.translate(f.failure(), f.choice()).code());
            return attempt;
        }).toList();
        Map<String, Object> details = new LinkedHashMap<>(problem.details());
        details.put("attempts", attempts);
        String message = failures.size() == 1 ? problem.getMessage()
                : problem.getMessage() + "; every fallback provider failed too";
        return new Problem(problem.kind(), problem.code(), message, details, first.failure());
    }

    /** An answer with no generation in it is as good as a malformed one. */
    private static ChatResponse whole(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            throw new ProviderFault.MalformedAnswer("the provider's answer held no reply");
        }
        return response;
    }
}
