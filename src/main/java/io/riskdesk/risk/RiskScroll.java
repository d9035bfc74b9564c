package io.riskdesk.risk;

import java.util.List;

/**
 * Risks of the register read by cursor (keyset paging): a page of the view and, when more
 * follow, {@code next}, the opaque cursor to ask for the page after it with {@code after=}.
 * No total is counted: that is what keeps a page as fast at the end of the view as at its start.
 */
public record RiskScroll(List<RiskSummary> content, String next) {
}
