package dev.confab.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prices per 1,000 tokens by model id; a model without its own entry takes the entry of its
 * longest matching prefix ({@code gpt-4o-2024-08-06} is priced as {@code gpt-4o}), else costs 0.
 */
@ConfigurationProperties("confab")
public record PriceTable(Map<String, Price> pricing) {

    public record Price(@JsonProperty("input_per_1k") BigDecimal inputPer1k,
            @JsonProperty("output_per_1k") BigDecimal outputPer1k) {
    }

    public PriceTable {
        pricing = pricing == null ? Map.of() : Map.copyOf(pricing);
    }

    public BigDecimal cost(String model, long inputTokens, long outputTokens) {
        return priceOf(model)
                .map(p -> p.inputPer1k().multiply(BigDecimal.valueOf(inputTokens))
                        .add(p.outputPer1k().multiply(BigDecimal.valueOf(outputTokens)))
                        .divide(BigDecimal.valueOf(1000), 8, RoundingMode.HALF_UP).stripTrailingZeros())
                .orElse(BigDecimal.ZERO);
    }

    private java.util.Optional<Price> priceOf(String model) {
        String id = model == null ? "" : model.toLowerCase();
        return pricing.entrySet().stream()
                .filter(e -> id.startsWith(e.getKey().toLowerCase()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }
}
