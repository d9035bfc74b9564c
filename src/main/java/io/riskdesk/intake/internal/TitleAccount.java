package io.riskdesk.intake.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's name where a document's title gives it: an e-mail's subject ("Fwd: Re: Kestrel Bank -
 * report exports failing"), a note's first line ("Account review - Harrow & Finch Insurance (UK)") or a
 * chat export's channel ("#cs-helio-freight"). A title also holds capitalised words that are no name
 * ("Quarterly Business Review", "ESCALATION"), so a name from it must be written again in the body.
 */
final class TitleAccount {

	private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject:[ \\t]*(.+)$");

	private static final Pattern FIRST_LINE = Pattern.compile("\\A\\s*(.+)$", Pattern.MULTILINE);

	private static final Pattern HEADER = Pattern.compile("^[A-Z][\\w-]*:\\s");

	private static final Pattern REPLY = Pattern.compile("^(?:(?:Re|RE|Fwd?|FWD?|FW|Aw|AW|WG):\\s*)+");

	private static final Pattern CHANNEL = Pattern.compile("^#([a-z0-9]+(?:-[a-z0-9]+)+)\\b");

	/** Capitalised words, "&" between them: "Harrow & Finch Insurance", "Alpenbank Zürich AG". */
	private static final Pattern NAME_RUN = Pattern
		.compile("\\p{Lu}[\\p{L}\\p{N}'’]*(?:-\\p{L}+)*(?:[ \\t]+(?:&[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}'’]*(?:-\\p{L}+)*)*");

	private TitleAccount() {
	}

	/** @param people names not to take for the customer's (the attendees) */
	static Optional<String> in(String text, List<String> people) {
		Matcher firstLine = FIRST_LINE.matcher(text);
		if (!firstLine.find()) {
			return Optional.empty();
		}
		Matcher channel = CHANNEL.matcher(firstLine.group(1).strip());
		if (channel.find()) {
			return fromChannel(channel.group(1), text.substring(firstLine.end()), people);
		}
		Matcher subject = SUBJECT.matcher(text);
		boolean hasSubject = subject.find();
		String title = REPLY.matcher(Outline.plain(hasSubject ? subject.group(1) : firstLine.group(1)).replaceFirst("^#+\\s*", ""))
			.replaceFirst("");
		if (!hasSubject && HEADER.matcher(title).find()) {
			return Optional.empty(); // a "From: ..." first line: the document has no title
		}
		Matcher run = NAME_RUN.matcher(title);
		while (run.find()) {
			String name = run.group();
			if (!people.contains(name) && writtenAgain(name.split("\\s+")[0], text)) {
				return Optional.of(name);
			}
		}
		return Optional.empty();
	}

	/** The word is in the text besides the title: "Orbital" of "Orbital Media Group", not "Quarterly". */
	private static boolean writtenAgain(String word, String text) {
		Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text);
		return m.find() && m.find();
	}

	/** "#acct-polaris-grid": the body's first name whose leading words end the channel's name. */
	private static Optional<String> fromChannel(String channel, String body, List<String> people) {
		Matcher run = NAME_RUN.matcher(body);
		while (run.find()) {
			String[] words = run.group().split("\\s+");
			for (int n = words.length; n >= 1; n--) {
				String slug = String.join("-", Arrays.copyOf(words, n)).toLowerCase(Locale.ROOT);
				if ((channel.equals(slug) || channel.endsWith("-" + slug)) && !people.contains(run.group())) {
					return Optional.of(run.group());
				}
			}
		}
		return Optional.empty();
	}

}
