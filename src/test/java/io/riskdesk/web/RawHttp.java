package io.riskdesk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so the request target reaches the server byte for byte: no
 * client normalises or refuses an encoded slash, a NUL or a malformed escape first.
 */
public record RawHttp(int port) {

	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	public static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	public Answer send(String method, String target, Map<String, String> headers) throws IOException {
		return send(method, target, headers, "");
	}

	/** Sends {@code method target} with the given headers and body, and reads the answer until the server closes. */
	public Answer send(String method, String target, Map<String, String> headers, String body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			OutputStream out = socket.getOutputStream();
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			if (content.length > 0) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	private static Answer parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
					(a, b) -> a + "\n" + b);
		}
		String body = text.substring(end + 4);
		if (!body.isEmpty() && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
	}

	private static String unchunk(String chunked) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
		InputStream in = new java.io.ByteArrayInputStream(bytes);
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\r'; c = in.read()) {
				size.append((char) c);
			}
			in.read(); // \n
			int length = Integer.parseInt(size.toString().strip(), 16);
			if (length == 0) {
				return body.toString(StandardCharsets.UTF_8);
			}
			body.write(in.readNBytes(length));
			in.skip(2);
		}
	}

}
