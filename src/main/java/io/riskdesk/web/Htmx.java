package io.riskdesk.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Pages answer htmx requests with the fragment htmx swaps in, and plain requests (no
 * JavaScript, a reload) with the whole page, so every form also works without htmx.
 */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/** {@code page} for a plain request, {@code page :: fragment} for htmx. */
	public static String view(HttpServletRequest request, String page, String fragment) {
		return isHtmx(request) ? page + " :: " + fragment : page;
	}

}
