package dev.confab.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** functions.yml is parsed once per JVM and shared by every door, so no door may change it. */
class CatalogLoadTests {

    @Test
    void thePreloadAndEveryLoadShareOneParse() {
        Catalog.preload();
        Catalog first = Catalog.load();
        Catalog.preload(); // parsed already: starts nothing, changes nothing
        assertThat(Catalog.load()).isSameAs(first);
        assertThat(first.functions()).containsKey("chat");
        assertThat(first.routes()).isNotEmpty();
    }

    @Test
    void theSharedCatalogCannotBeChanged() {
        Catalog shared = Catalog.load();
        assertThatThrownBy(() -> shared.functions().remove("chat")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> shared.pipelines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
