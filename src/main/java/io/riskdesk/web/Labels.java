package io.riskdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The words people read for the codes of enums: "3× a week" for {@code THREE_TIMES_WEEKLY},
 * "Support lead" for {@code SUPPORT_LEAD}. {@code labels.properties} names the constants whose
 * words are not just the code in sentence case ({@code Cadence.THREE_TIMES_WEEKLY=3× a week});
 * the others read as their code does ({@code PRODUCT_FIT} is "Product fit"). Templates use it as
 * {@code @labels.of(value)}, Java code as {@code Labels.of(value)}: one place for every page.
 */
@Component("labels")
public final class Labels {

	private static final Properties WORDS = load();

	/** The words for one constant; empty for null, so a template prints nothing. */
	public static String of(Enum<?> value) {
		if (value == null) {
			return "";
		}
		String words = WORDS.getProperty(value.getDeclaringClass().getSimpleName() + "." + value.name());
		if (words != null) {
			return words;
		}
		String spaced = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/** Several constants in words, separated by commas, in the collection's order. */
	public static String all(Collection<? extends Enum<?>> values) {
		return values.stream().map(Labels::of).collect(Collectors.joining(", "));
	}

	/**
	 * A field of a form or request as a person names it: {@code ownerId} is "Owner",
	 * {@code account.renewalDate} "Renewal date", {@code actionItems[1].due} "Due"; a
	 * {@code field.<name>} entry in {@code labels.properties} gives other words.
	 */
	public static String field(String path) {
		String name = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d*]", "");
		String words = WORDS.getProperty("field." + name);
		if (words != null) {
			return words;
		}
		String spaced = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT)
			.replaceAll(" ids?$", "");
		return spaced.isEmpty() ? path : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/**
	 * A refusal of one field as a sentence: "Title must be at most 300 characters",
	 * "Owner: no person with id 7".
	 */
	public static String fieldProblem(String path, String reason) {
		return field(path) + (VERB_FIRST.matcher(reason).lookingAt() ? " " : ": ") + reason;
	}

	private static final Pattern VERB_FIRST = Pattern.compile("(must|is|are|has|holds|cannot|may|needs) ");

	private static Properties load() {
		try {
			return PropertiesLoaderUtils
				.loadProperties(new EncodedResource(new ClassPathResource("labels.properties"), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
