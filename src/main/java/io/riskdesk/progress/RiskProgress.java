package io.riskdesk.progress;

import java.util.List;

/** A risk's progress: its staleness and its updates, newest first. */
public record RiskProgress(String riskKey, Staleness staleness, List<ProgressUpdate> updates) {
}
