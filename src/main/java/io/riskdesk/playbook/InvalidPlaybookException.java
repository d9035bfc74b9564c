package io.riskdesk.playbook;

import java.util.List;

/** The playbook file cannot be used; each problem names the key and what is wrong with it. */
public class InvalidPlaybookException extends RuntimeException {

	private final String location;

	private final List<String> problems;

	public InvalidPlaybookException(String location, List<String> problems, Throwable cause) {
		super("Invalid playbook " + location + ": " + String.join("; ", problems), cause);
		this.location = location;
		this.problems = List.copyOf(problems);
	}

	public String location() {
		return location;
	}

	public List<String> problems() {
		return problems;
	}

}
