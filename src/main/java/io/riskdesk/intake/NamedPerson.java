package io.riskdesk.intake;

import java.util.List;

/**
 * A person a document names, as the review shows them: the name as written, what the document makes of
 * them, and who they are in the directory or among the account's contacts; {@code match} null when
 * nobody is (the name stays free text).
 *
 * @param parts what the document makes of them: {@code author}, {@code attendee}, {@code owner}
 */
public record NamedPerson(String written, List<String> parts, String match, MatchedBy matchedBy) {

	/** How a name was matched, strongest first. */
	public enum MatchedBy {
		EMAIL, FULL_NAME, CHAT_HANDLE, FIRST_NAME_ON_ACCOUNT_TEAM
	}

	public boolean matched() {
		return match != null;
	}

}
