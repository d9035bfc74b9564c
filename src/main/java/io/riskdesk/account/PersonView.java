package io.riskdesk.account;

/** A person of the internal directory as other modules and the API see them. */
public record PersonView(Long id, String name, String email, String slackHandle, int version) {
}
