package io.riskdesk.playbook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.riskdesk.playbook.InvalidPlaybookException;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.PlaybookVersion;
import io.riskdesk.playbook.Severity;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.Resource;

/** Reads a playbook YAML file (kebab-case keys) and checks it completely before anything uses it. */
public class PlaybookLoader {

	private final Validator validator;

	public PlaybookLoader(Validator validator) {
		this.validator = validator;
	}

	/** A checked playbook and the version of the bytes it was read from. */
	public record Loaded(Playbook playbook, PlaybookVersion version) {
	}

	public Playbook load(Resource resource) {
		return loadWithVersion(resource).playbook();
	}

	/** Reads the file once, so the version is the hash of exactly the bytes that made the playbook. */
	public Loaded loadWithVersion(Resource resource) {
		String location = resource.getDescription();
		if (!resource.exists()) {
			throw new InvalidPlaybookException(location, List.of("file not found"), null);
		}
		byte[] bytes;
		try (InputStream in = resource.getInputStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new InvalidPlaybookException(location, List.of("cannot be read: " + ex.getMessage()), ex);
		}
		Playbook playbook;
		try {
			playbook = PlaybookChecks.MAPPER.readValue(bytes, Playbook.class);
		}
		catch (JacksonException ex) {
			throw new InvalidPlaybookException(location, List.of(PlaybookChecks.describe("", ex).toString()), ex);
		}
		if (playbook == null) {
			throw new InvalidPlaybookException(location, List.of("file is empty"), null);
		}
		List<String> problems = new ArrayList<>(validator.validate(playbook)
			.stream()
			.map(violation -> PlaybookChecks.describe("", violation).toString())
			.sorted()
			.toList());
		if (playbook.severities() != null) {
			requireEverySeverity("severities", playbook.severities().keySet(), problems);
		}
		if (playbook.escalationMatrix() != null) {
			requireEverySeverity("escalation-matrix", playbook.escalationMatrix().keySet(), problems);
		}
		if (playbook.detection() != null) {
			// Not cascaded by Bean Validation above: the section has checks of its own, shared with the backtest's.
			PlaybookChecks.detection(validator, playbook.detection()).forEach(problem -> problems.add(problem.toString()));
		}
		if (playbook.calendars() != null && !playbook.calendars().containsKey(Playbook.DEFAULT_CALENDAR)) {
			problems.add("calendars: missing " + Playbook.DEFAULT_CALENDAR + " (the calendar of accounts that name none)");
		}
		if (!problems.isEmpty()) {
			throw new InvalidPlaybookException(location, problems, null);
		}
		return new Loaded(playbook, new PlaybookVersion(sha256(bytes)));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static void requireEverySeverity(String key, Set<Severity> present, List<String> problems) {
		Set<Severity> missing = EnumSet.allOf(Severity.class);
		missing.removeAll(present);
		if (!missing.isEmpty()) {
			problems.add(key + ": missing " + missing.stream()
				.sorted(Comparator.naturalOrder())
				.map(Enum::name)
				.collect(Collectors.joining(", ")));
		}
	}

}
