package io.riskdesk.progress;

import java.time.Instant;

/** One progress update of a risk: what was reported, with which health, by whom, when. */
public record ProgressUpdate(long id, String riskKey, Health health, String text, String author, Instant reportedAt) {
}
