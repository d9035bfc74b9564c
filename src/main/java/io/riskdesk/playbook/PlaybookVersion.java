package io.riskdesk.playbook;

/**
 * Which playbook is in force: the SHA-256 of the playbook file's bytes, in hex. Whatever the
 * playbook produced (a finding, say) keeps it, so a changed file is never mistaken for the old one.
 */
public record PlaybookVersion(String sha256) {

	public PlaybookVersion {
		if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("a playbook version is a SHA-256 in lower-case hex");
		}
	}

	/** The first 12 hex digits, enough for people to tell versions apart. */
	public String shortForm() {
		return sha256.substring(0, 12);
	}

	@Override
	public String toString() {
		return sha256;
	}

}
