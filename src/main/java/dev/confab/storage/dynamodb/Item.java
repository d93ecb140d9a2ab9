package dev.confab.storage.dynamodb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds an item; a null value leaves its attribute out, which is how DynamoDB says "none". */
public final class Item {

    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    private Item() {
    }

    public static Item of() {
        return new Item();
    }

    public Item text(String name, String value) {
        return value == null ? this : put(name, AttributeValue.fromS(value));
    }

    public Item number(String name, Number value) {
        return value == null ? this : put(name, Attributes.n(value));
    }

    public Item flag(String name, boolean value) {
        return put(name, AttributeValue.fromBool(value));
    }

    public Item time(String name, Instant value) {
        return value == null ? this : text(name, Attributes.time(value));
    }

    public Item put(String name, AttributeValue value) {
        values.put(name, value);
        return this;
    }

    public Map<String, AttributeValue> map() {
        return Map.copyOf(values);
    }
}
