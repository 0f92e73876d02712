package io.litgraph.load;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Writes one raw record to a topic, bypassing ingest-service: how the fault tests inject poison
 * (unparseable bytes, events the engine cannot take) into {@code litgraph.documents.v1}.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Produce one raw record (key, value, headers) and print partition@offset.")
public class ProduceCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true)
    String bootstrap;

    @Option(names = "--topic", required = true)
    String topic;

    @Option(names = "--key", required = true)
    String key;

    @Option(names = "--value", description = "the value as UTF-8 text")
    String value;

    @Option(names = "--value-file", description = "the value's bytes from a file")
    Path valueFile;

    @Option(names = "--value-base64", description = "the value's bytes, Base64")
    String valueBase64;

    @Option(names = "--header", description = "name=value, repeatable")
    Map<String, String> headers;

    @Override
    public Integer call() throws Exception {
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("only a broker on this machine, not " + bootstrap);
        }
        byte[] bytes = value != null ? value.getBytes(StandardCharsets.UTF_8)
                : valueFile != null ? Files.readAllBytes(valueFile)
                : valueBase64 != null ? Base64.getDecoder().decode(valueBase64) : null;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
            if (headers != null) {
                headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            }
            RecordMetadata md = producer.send(record).get(40, TimeUnit.SECONDS);
            System.out.println(md.topic() + "-" + md.partition() + "@" + md.offset());
        }
        return 0;
    }
}
