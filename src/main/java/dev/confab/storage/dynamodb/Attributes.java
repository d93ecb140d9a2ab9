package dev.confab.storage.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads attributes back out of items, and names the attributes an expression uses. */
public final class Attributes {

    // Fixed width, so that sort keys order by time as strings (Instant.toString drops trailing zeros).
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("#([A-Za-z_][A-Za-z0-9_]*)");

    private Attributes() {
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(Number value) {
        return AttributeValue.fromN(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    public static Integer optionalInt(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Integer.valueOf(v.n());
    }

    public static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? BigDecimal.ZERO : new BigDecimal(v.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : Instant.parse(text);
    }

    /**
     * The ExpressionAttributeNames for expressions that write every attribute as {@code #name}:
     * many plain words (name, status, role, ...) are reserved in DynamoDB expressions.
     */
    public static Map<String, String> names(String... expressions) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String expression : expressions) {
            if (expression == null) {
                continue;
            }
            Matcher m = NAME.matcher(expression);
            while (m.find()) {
                names.put(m.group(), m.group(1));
            }
        }
        return names;
    }
}
