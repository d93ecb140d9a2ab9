package dev.confab.system;

/** Answers whether the storage of the active profile is reachable; one per storage adapter. */
public interface StorageProbe {

    String name();

    /** Throws when the storage cannot be reached. */
    void ping();
}
