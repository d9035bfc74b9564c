package io.riskdesk.cadence;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The .ics download of a risk's meeting series, the same from the API and the page. */
final class CadenceIcs {

	static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private CadenceIcs() {
	}

	static ResponseEntity<String> download(String riskKey, String ics) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(riskKey + "-cadence.ics", StandardCharsets.UTF_8).build().toString())
			.body(ics);
	}

}
