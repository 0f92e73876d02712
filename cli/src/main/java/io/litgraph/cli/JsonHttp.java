package io.litgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET and POST of JSON against the services, with user-facing errors instead of stack traces. */
public final class JsonHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url, 200);
    }

    public JsonNode post(String url, String bearer, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request, url, expected);
    }

    private JsonNode send(HttpRequest.Builder request, String url, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(10))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new UserException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (ConnectException e) {
            throw new UserException("not reachable: " + url);
        } catch (IOException e) {
            throw new UserException("request to " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", e);
        }
    }
}
