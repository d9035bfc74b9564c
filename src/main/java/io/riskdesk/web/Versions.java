package io.riskdesk.web;

import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.ConflictException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic locking over HTTP: representations carry their version as an ETag, writes send it
 * back in If-Match, and a write based on an older version is refused with 409.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version the client based its write on, or null for {@code If-Match: *} (the client
	 * explicitly accepts any current version).
	 * @throws ResponseStatusException 428 when the header is missing, 400 when it is not a version
	 */
	public static Integer required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
					"If-Match header required: send the ETag (version) you last read to avoid overwriting someone else's change");
		}
		return optional(ifMatch);
	}

	/** Like {@link #required} but a missing header means "no check". */
	public static Integer optional(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidFieldException("If-Match", "must be the ETag of the resource, e.g. \"3\"");
		}
	}

	/** Refuses a write based on another version than the current one. */
	public static void check(Integer expected, int current, String what) {
		if (expected != null && expected != current) {
			throw new ConflictException(what + " was changed by someone else (your version " + expected
					+ ", current version " + current + "); reload it and apply your change again",
					Map.of("currentVersion", current));
		}
	}

}
