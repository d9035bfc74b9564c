package io.riskdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Properties;
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
