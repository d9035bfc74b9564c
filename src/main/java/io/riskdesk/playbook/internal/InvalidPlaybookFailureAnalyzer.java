package io.riskdesk.playbook.internal;

import java.util.stream.Collectors;

import io.riskdesk.playbook.InvalidPlaybookException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad playbook into a start-up report that lists every problem by key. */
class InvalidPlaybookFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPlaybookException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPlaybookException cause) {
		String problems = cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
		return new FailureAnalysis("The playbook " + cause.location() + " is invalid:\n" + problems,
				"Fix the keys listed above, or point riskdesk.playbook.location at a valid file "
						+ "(docs/playbook.md describes every key).",
				cause);
	}

}
