package dev.confab.storage.dynamodb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the dynamodb profile's client, and makes its first call, on a thread of its own while Spring
 * starts the application, instead of on the first request. The AWS SDK loads about 2,000 classes to
 * build a client and answer one call; on a Lambda cold start that was a third of the time to the first
 * answer, all of it after Spring was up (local/bench). The build starts as soon as the environment is
 * ready, from the settings bound then; once the context is prepared (every property source in place,
 * tests' included) the settings are bound again: the same, and the first call follows the build; others,
 * and that client is closed and another built. The first call is the health check's DescribeTable: its
 * failure is only logged, the request that needs the table reports it. The client bean
 * (DynamoDbConfiguration) claims the client, or builds its own if this one failed. Registered in
 * META-INF/spring.factories; outside the dynamodb profile, while Spring AOT processes the build, and
 * when turned off (local/bench measures the start without it), it does nothing.
 */
public final class DynamoDbWarmUp implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbWarmUp.class);

    private EarlyClient early;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && applies(prepared.getEnvironment())) {
            early = new EarlyClient(settings(prepared.getEnvironment()));
        } else if (event instanceof ApplicationPreparedEvent prepared && early != null) {
            ConfigurableApplicationContext context = prepared.getApplicationContext();
            DynamoDbSettings settings = settings(context.getEnvironment());
            if (!early.settings.equals(settings)) {
                early.release();
                early = new EarlyClient(settings);
            }
            early.firstCall();
            context.getBeanFactory().registerSingleton("dynamoDbWarmUp", early);
            context.addApplicationListener(early);
            early = null;
        } else if (event instanceof ApplicationFailedEvent && early != null) {
            early.release();
            early = null;
        }
    }

    /** In the dynamodb profile, unless turned off (confab.dynamodb.warm-up=false; CONFAB_DYNAMODB_WARMUP=false). */
    private static boolean applies(ConfigurableEnvironment environment) {
        return !Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                && environment.acceptsProfiles(Profiles.of("dynamodb"))
                && environment.getProperty("confab.dynamodb.warm-up", Boolean.class, true);
    }

    private static DynamoDbSettings settings(ConfigurableEnvironment environment) {
        return Binder.get(environment).bindOrCreate("confab.dynamodb", DynamoDbSettings.class);
    }

    /** The client being built; closed with the context if no bean claimed it. */
    static final class EarlyClient implements ApplicationListener<ContextClosedEvent> {

        private final DynamoDbSettings settings;
        private final CompletableFuture<DynamoDbClient> client = new CompletableFuture<>();
        private final CountDownLatch settled = new CountDownLatch(1);
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile boolean released;

        EarlyClient(DynamoDbSettings settings) {
            this.settings = settings;
            Thread.ofPlatform().daemon().name("dynamodb-warm-up").start(this::warm);
        }

        private void warm() {
            DynamoDbClient built;
            try {
                built = DynamoDbConfiguration.build(settings);
            } catch (RuntimeException e) {
                client.completeExceptionally(e);
                return;
            }
            client.complete(built);
            try {
                settled.await();
            } catch (InterruptedException e) {
                return;
            }
            if (released) {
                return;
            }
            try {
                built.describeTable(r -> r.tableName(settings.table(DynamoDbSettings.CONVERSATIONS)));
            } catch (RuntimeException e) {
                log.debug("DynamoDB warm-up call failed; the first request that needs the table will say why", e);
            }
        }

        /** The settings are the application's: the first call may go to their endpoint. */
        void firstCall() {
            settled.countDown();
        }

        /**
         * The client built early, for these settings; null when it was built for others (then closed) or
         * could not be built (then the bean builds its own, and fails as it would have).
         */
        DynamoDbClient claim(DynamoDbSettings wanted) {
            if (!settings.equals(wanted)) {
                release();
                return null;
            }
            if (!claimed.compareAndSet(false, true)) {
                return null;
            }
            try {
                return client.join();
            } catch (CompletionException e) {
                return null;
            }
        }

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            release();
        }

        /** Closes the client unless a bean claimed it, without its first call if that has not started. */
        void release() {
            if (claimed.compareAndSet(false, true)) {
                released = true;
                settled.countDown();
                client.thenAccept(DynamoDbClient::close);
            }
        }
    }
}
