package io.riskdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Riskdesk-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}
 * keyed with the subscription's secret, as Stripe signs. The timestamp inside the signed text
 * lets a receiver refuse old (replayed) requests.
 */
public final class WebhookSignature {

	public static final String HEADER = "Riskdesk-Signature";

	private WebhookSignature() {
	}

	public static String header(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
	}

	private static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
