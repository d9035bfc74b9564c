package io.riskdesk.web;

import java.io.IOException;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded slash or a NUL in the
 * path, a malformed escape, a request line over the header size limit) and answers with its own
 * HTML report. This valve answers those with a problem detail instead, for the API's paths and
 * clients asking for JSON; the rest keep Tomcat's report, stripped as Spring Boot strips it.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Host host = (Host) context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve); // Spring Boot's, added by a customizer that ran before this one
				}
			}
			ProblemReportValve valve = new ProblemReportValve();
			valve.setShowReport(false);
			valve.setShowServerInfo(false);
			pipeline.addValve(valve);
			// Else the host adds Tomcat's own report valve when it starts, not finding one of the class it names.
			((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
		});
	}

	static final class ProblemReportValve extends ErrorReportValve {

		private static final Log log = LogFactory.getLog(ProblemReportValve.class);

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			HttpStatus status = HttpStatus.resolve(response.getStatus());
			if (status == null || !status.isError() || response.getContentWritten() > 0 || !wanted(request)) {
				super.report(request, response, throwable);
				return;
			}
			if (!response.setErrorReported()) {
				return; // reported already
			}
			try {
				response.resetBuffer();
				// The path is left out: it is usually what was wrong, and may be huge.
				ProblemJson.write(response, status, status.is4xxClientError()
						? "The request was refused before it reached Riskdesk: " + reason(response)
						: "The server could not answer the request", null);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				log.debug("Could not write the problem detail of a refused request", ex);
			}
		}

		/** A request line too long to read leaves no path: a person never types one, so it is a client's. */
		private static boolean wanted(Request request) {
			String path = request.getRequestURI();
			return path == null || path.isEmpty() || ProblemJson.wanted(path, request.getHeader(HttpHeaders.ACCEPT));
		}

		private static String reason(Response response) {
			String message = response.getMessage();
			return message == null || message.isBlank()
					? "its request line or headers are malformed (a character not allowed in a URL) or too long"
					: message;
		}

	}

}
