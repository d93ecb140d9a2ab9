/** Seed 002 (Yral AI Chat): influencers, conversations and messages under /api/v1. */
package dev.confab.seed.yral;
