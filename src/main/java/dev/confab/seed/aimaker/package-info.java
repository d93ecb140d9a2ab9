/** Seed 001 (AI Maker): chat configs, sessions and session messages. */
package dev.confab.seed.aimaker;
