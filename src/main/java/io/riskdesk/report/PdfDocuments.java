package io.riskdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.riskdesk.web.Labels;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf template of {@code templates/report/} to PDF with openhtmltopdf, the fonts of
 * {@link ReportFonts} embedded (subset to the characters used). The templates are XHTML: what
 * Thymeleaf writes from them stays well-formed XML, which openhtmltopdf parses.
 */
@Component
class PdfDocuments {

	static final String MEDIA_TYPE = "application/pdf";

	private final ITemplateEngine templates;

	private final ReportFonts fonts;

	private final Labels labels;

	PdfDocuments(ITemplateEngine templates, ReportFonts fonts, Labels labels) {
		this.templates = templates;
		this.fonts = fonts;
		this.labels = labels;
	}

	/** The template {@code report/<name>.html} with this model, as a PDF. */
	byte[] render(String name, Map<String, Object> model) {
		Context context = new Context(Locale.ENGLISH, model);
		context.setVariable("labels", labels);
		context.setVariable("fonts", "'" + ReportFonts.LATIN + "', '" + ReportFonts.CJK + "', sans-serif");
		String xhtml = templates.process("report/" + name, context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		for (ReportFonts.Face face : fonts.faces()) {
			builder.useFont(face::open, face.family(), face.weight(), FontStyle.NORMAL, true);
		}
		builder.withHtmlContent(xhtml, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Rendering report/" + name + " to PDF failed", ex);
		}
		return pdf.toByteArray();
	}

}
