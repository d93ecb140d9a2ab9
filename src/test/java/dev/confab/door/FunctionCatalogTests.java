package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.ServerTests;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/** functions.yml and the function beans must agree: names, types and pipelines. */
class FunctionCatalogTests extends ServerTests {

    /** What Spring Cloud Function registers of its own. */
    private static final Set<String> FRAMEWORK = Set.of("functionRouter");

    @Autowired
    FunctionCatalog functions;

    private final Catalog catalog = Catalog.load();

    @Test
    void everyFunctionBeanIsInTheCatalogAndEveryCatalogFunctionIsABean() {
        Set<String> beans = new TreeSet<>();
        for (Class<?> kind : new Class<?>[] {Function.class, Supplier.class, Consumer.class}) {
            beans.addAll(functions.getNames(kind));
        }
        beans.removeAll(FRAMEWORK);
        assertThat(new TreeSet<>(catalog.functions().keySet())).isEqualTo(beans);
    }

    @Test
    void declaredTypesAreTheBeansTypes() {
        catalog.functions().forEach((name, entry) -> {
            FunctionInvocationWrapper function = functions.lookup(name);
            assertThat(function).as(name).isNotNull();
            if (function.isSupplier()) {
                assertThat(entry.input()).as(name + " input").isNull();
            } else {
                assertThat(entry.input()).as(name + " input").isEqualTo(simpleName(function.getInputType()));
            }
            assertThat(entry.output()).as(name + " output").isEqualTo(simpleName(function.getOutputType()));
            assertThat(entry.description()).as(name + " description").isNotBlank();
        });
    }

    @Test
    void pipelinesChainFunctionsWhoseTypesMeet() {
        catalog.pipelines().forEach((name, pipeline) -> {
            String[] steps = pipeline.definition().split("\\|");
            assertThat(catalog.functions().get(steps[0]).input()).as(name).isEqualTo(pipeline.input());
            assertThat(catalog.functions().get(steps[steps.length - 1]).output()).as(name).isEqualTo(pipeline.output());
            for (int i = 0; i + 1 < steps.length; i++) {
                assertThat(catalog.functions().get(steps[i]).output()).as(name + " step " + i)
                        .isEqualTo(catalog.functions().get(steps[i + 1]).input());
            }
            assertThat((Object) functions.lookup(pipeline.definition())).as(name).isNotNull();
            assertThat(pipeline.description()).isNotBlank();
        });
    }

    @Test
    void noTwoRoutesClaimTheSameMethodAndPath() {
        Set<String> seen = new HashSet<>();
        for (Route route : catalog.routes()) {
            assertThat(seen.add(route.method() + " " + route.path().getPatternString()))
                    .as(route.method() + " " + route.path()).isTrue();
        }
    }

    private static String simpleName(Type type) {
        return type.getTypeName().replaceAll("[a-zA-Z0-9_]+\\.", "").replace('$', '.')
                .replaceAll("^[A-Za-z]+\\.(?=[A-Z])", "");
    }
}
