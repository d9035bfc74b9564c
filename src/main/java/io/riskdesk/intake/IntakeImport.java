package io.riskdesk.intake;

import java.time.Instant;

/** A confirmed import: which document became which risk, when and by whom. The document itself is served apart. */
public record IntakeImport(long id, String riskKey, long accountId, String fileName, int sizeBytes,
		String contentHash, Instant importedAt, String importedBy) {
}
