package dev.millrace.server.config;

import dev.millrace.common.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code listeners}, {@code advertised.listeners} and {@code listener.security.protocol.map}
 * with Kafka's syntax ({@code NAME://host:port}, IPv6 hosts in brackets, an empty host for every
 * interface) and Millrace's restriction that only PLAINTEXT is served. Stateless.
 */
final class ListenerParser {
    private static final Pattern ENDPOINT = Pattern.compile("^(.*)://\\[?([0-9a-zA-Z\\-%._:]*)]?:(-?[0-9]+)$");
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final String SUPPORTED = "PLAINTEXT";

    private ListenerParser() {
    }

    /**
     * The listener-name to security-protocol map of {@code text} ({@code NAME:PROTOCOL,...}).
     *
     * @throws ConfigException naming {@code listener.security.protocol.map} for a malformed entry or an
     *     unknown protocol
     */
    static Map<String, String> parseProtocolMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String entry : text.trim().split("\\s*,\\s*")) {
            int colon = entry.indexOf(':');
            String protocol = colon < 0 ? "" : entry.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
            if (colon <= 0 || !PROTOCOLS.contains(protocol)) {
                throw new ConfigException(BrokerConfigs.LISTENER_SECURITY_PROTOCOL_MAP, text,
                        "entry '" + entry + "' is not NAME:PROTOCOL with PROTOCOL one of " + PROTOCOLS);
            }
            map.put(entry.substring(0, colon).trim().toUpperCase(Locale.ROOT), protocol);
        }
        return map;
    }

    /**
     * Parses the endpoints of key {@code key}.
     *
     * @param key the key the entries come from, for error messages
     * @param entries the list items
     * @param protocols listener name to security protocol
     * @param uniquePorts whether two endpoints may not share a non-zero port (true for {@code listeners})
     * @throws ConfigException naming {@code key} for a malformed entry, a listener without or with an
     *     unsupported security protocol, a listener name used twice, or a shared port
     */
    static List<Endpoint> parse(String key, List<String> entries, Map<String, String> protocols,
                                boolean uniquePorts) {
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (String entry : entries) {
            Endpoint endpoint = parseOne(key, entry, protocols);
            if (!names.add(endpoint.listenerName())) {
                throw new ConfigException(key, String.join(",", entries),
                        "listener name " + endpoint.listenerName() + " is used twice");
            }
            if (uniquePorts && endpoint.port() != 0 && !ports.add(endpoint.port())) {
                throw new ConfigException(key, String.join(",", entries),
                        "port " + endpoint.port() + " is used by two listeners; each listener needs its own port");
            }
            endpoints.add(endpoint);
        }
        return List.copyOf(endpoints);
    }

    private static Endpoint parseOne(String key, String entry, Map<String, String> protocols) {
        Matcher m = ENDPOINT.matcher(entry.trim());
        if (!m.matches()) {
            throw new ConfigException(key, entry, "expected NAME://host:port");
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        long port = Long.parseLong(m.group(3));
        if (name.isEmpty() || port < 0 || port > 65535) {
            throw new ConfigException(key, entry, "expected NAME://host:port with port in [0, 65535]");
        }
        String protocol = protocols.get(name);
        if (protocol == null) {
            throw new ConfigException(key, entry, "no security protocol defined for listener " + name
                    + " (add it to " + BrokerConfigs.LISTENER_SECURITY_PROTOCOL_MAP + ")");
        }
        if (!protocol.equals(SUPPORTED)) {
            throw new ConfigException(key, entry, "security protocol " + protocol + " of listener " + name
                    + " is not supported yet (only PLAINTEXT)");
        }
        return new Endpoint(name, m.group(2), (int) port, protocol);
    }
}
