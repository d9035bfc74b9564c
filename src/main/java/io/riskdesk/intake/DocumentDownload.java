package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;

import io.riskdesk.intake.IntakeImports.StoredDocument;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An imported document as a download, for the API and the pages alike: always plain text, never rendered. */
final class DocumentDownload {

	private DocumentDownload() {
	}

	static ResponseEntity<String> of(StoredDocument document) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(document.text());
	}

}
