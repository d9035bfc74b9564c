package io.riskdesk.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The messages' words: Thymeleaf templates {@code <name>.txt} (plain text, its first line
 * {@code Subject: ...}) and {@code <name>.html}, from the override directory when it holds the
 * file, else from the defaults in {@code notifications/} on the class path. Overrides are read
 * from disk on every render, so an edit shows without a restart. The engine is not a bean and
 * knows no application context: a template can read its model, not call the application.
 */
@Component
class NotificationTemplates {

	private static final String DEFAULTS = "notifications/";

	private static final String SUBJECT = "Subject:";

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final Path overrides;

	NotificationTemplates(NotificationProperties properties) {
		this.overrides = properties.templatesDirectory();
		int order = 1;
		if (overrides != null) {
			engine.addTemplateResolver(resolver(new FileTemplateResolver(), overrides + "/", "*.txt", TemplateMode.TEXT, order++, false));
			engine.addTemplateResolver(resolver(new FileTemplateResolver(), overrides + "/", "*.html", TemplateMode.HTML, order++, false));
		}
		engine.addTemplateResolver(resolver(new ClassLoaderTemplateResolver(), DEFAULTS, "*.txt", TemplateMode.TEXT, order++, true));
		engine.addTemplateResolver(resolver(new ClassLoaderTemplateResolver(), DEFAULTS, "*.html", TemplateMode.HTML, order, true));
	}

	private static AbstractConfigurableTemplateResolver resolver(AbstractConfigurableTemplateResolver resolver,
			String prefix, String pattern, TemplateMode mode, int order, boolean cacheable) {
		resolver.setPrefix(prefix);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(cacheable);
		resolver.setOrder(order);
		return resolver;
	}

	/** A rendered message: the subject from the text template's first line, the plain text, the HTML. */
	record Rendered(String subject, String text, String html) {
	}

	Rendered render(String template, Map<String, Object> model) {
		Context context = new Context(Locale.ENGLISH, model);
		String text = engine.process(template + ".txt", context).strip();
		int lineEnd = text.indexOf('\n');
		String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
		if (!firstLine.startsWith(SUBJECT)) {
			throw new IllegalStateException("Notification template " + template + ".txt must start with a '" + SUBJECT
					+ " ...' line; it starts with: " + firstLine);
		}
		String subject = firstLine.substring(SUBJECT.length()).strip().replaceAll("\\s+", " ");
		String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip() + "\n";
		return new Rendered(subject, body, engine.process(template + ".html", context));
	}

	/** The names among these that have no .txt or no .html, neither overridden nor a default. */
	List<String> missing(Collection<String> templates) {
		return templates.stream()
			.distinct()
			.flatMap(name -> Set.of(name + ".txt", name + ".html").stream())
			.filter(file -> !exists(file))
			.sorted()
			.toList();
	}

	private boolean exists(String file) {
		return (overrides != null && Files.isRegularFile(overrides.resolve(file)))
				|| new ClassPathResource(DEFAULTS + file).exists();
	}

}
