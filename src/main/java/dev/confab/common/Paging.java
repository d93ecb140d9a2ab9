package dev.confab.common;

import dev.confab.problem.Problem;

/** Limit and offset as every list takes them: limit 1..100 (default 50), offset from 0. */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public static Paging of(Integer limit, Integer offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw Problem.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0) {
            throw Problem.invalid("offset", "offset must not be negative");
        }
        return new Paging(l, o);
    }
}
