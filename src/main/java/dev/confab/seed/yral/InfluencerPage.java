package dev.confab.seed.yral;

import java.util.List;

public record InfluencerPage(List<Influencer> influencers, long total, int limit, int offset) {
}
