package dev.confab.door;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.problem.Problem;
import dev.confab.problem.ProblemKind;
import java.util.Map;

/**
 * Text a door takes in: no unpaired surrogate and no NUL character, in any value or field name.
 * JSON can spell both (\ud800, \u0000), but no UTF-8 can carry an unpaired surrogate (the JSON
 * writer fails on it and the tokenizer asserts against it), and PostgreSQL cannot store NUL in
 * text or jsonb; refused at the door, they get a 400 on every door and every storage profile.
 */
public final class ValidText {

    private ValidText() {
    }

    /** Throws a 400 naming the first field whose text cannot be kept. */
    public static void require(JsonNode tree) {
        String field = firstInvalid(tree, "");
        if (field != null) {
            // the name itself may be what cannot be written back
            String name = field.isEmpty() ? "body" : printable(field);
            throw new Problem(ProblemKind.BAD_REQUEST, "invalid_text", "field '" + name
                    + "' holds an unpaired surrogate or a NUL character", Map.of("field", name), null);
        }
    }

    private static String firstInvalid(JsonNode node, String path) {
        if (node.isTextual()) {
            return valid(node.textValue()) ? null : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstInvalid(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        for (var field : node.properties()) {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (!valid(field.getKey())) {
                return at;
            }
            String found = firstInvalid(field.getValue(), at);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The text with each character that cannot be kept replaced by U+FFFD. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    static boolean valid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
