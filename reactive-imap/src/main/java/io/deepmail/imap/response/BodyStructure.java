package io.deepmail.imap.response;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The MIME structure of a message (BODYSTRUCTURE, RFC 9051 §7.5.2): a single part or a multipart.
 *
 * @since 0.1
 */
public sealed interface BodyStructure permits BodyStructure.Single, BodyStructure.Multipart {

    /**
     * The media type, lower case, for example {@code "text/plain"} or {@code "multipart/mixed"}.
     *
     * @return the media type
     */
    String mediaType();

    /**
     * A non-multipart body part.
     *
     * @param type the type, lower case
     * @param subtype the subtype, lower case
     * @param parameters the body parameters, keys lower case
     * @param id Content-ID, or {@code null}
     * @param description Content-Description, or {@code null}
     * @param encoding Content-Transfer-Encoding, upper case
     * @param size the encoded size in bytes
     * @param lines the line count of text and message/rfc822 parts, or {@code -1}
     * @param disposition the disposition type, lower case, or {@code null}
     * @param dispositionParameters the disposition parameters, keys lower case
     * @param message the structure of an encapsulated message/rfc822, or {@code null}
     * @since 0.1
     */
    record Single(String type, String subtype, Map<String, String> parameters, @Nullable String id,
            @Nullable String description, String encoding, long size, long lines, @Nullable String disposition,
            Map<String, String> dispositionParameters, @Nullable BodyStructure message) implements BodyStructure {

        /**
         * Copies the maps.
         *
         * @param type the type
         * @param subtype the subtype
         * @param parameters the parameters
         * @param id the id
         * @param description the description
         * @param encoding the encoding
         * @param size the size
         * @param lines the lines
         * @param disposition the disposition
         * @param dispositionParameters the disposition parameters
         * @param message the encapsulated structure
         */
        public Single {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(subtype, "subtype");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(encoding, "encoding");
            dispositionParameters = Map.copyOf(dispositionParameters);
        }

        @Override
        public String mediaType() {
            return type + "/" + subtype;
        }

        /**
         * The file name from the disposition's {@code filename} or the type's {@code name}.
         *
         * @return the file name, or {@code null}
         */
        public @Nullable String fileName() {
            String f = dispositionParameters.get("filename");
            return f != null ? f : parameters.get("name");
        }
    }

    /**
     * A multipart body.
     *
     * @param parts the parts, in order
     * @param subtype the subtype, lower case
     * @param parameters the body parameters, keys lower case
     * @since 0.1
     */
    record Multipart(List<BodyStructure> parts, String subtype, Map<String, String> parameters)
            implements BodyStructure {

        /**
         * Copies the lists.
         *
         * @param parts the parts
         * @param subtype the subtype
         * @param parameters the parameters
         */
        public Multipart {
            parts = List.copyOf(parts);
            subtype = subtype.toLowerCase(Locale.ROOT);
            parameters = Map.copyOf(parameters);
        }

        @Override
        public String mediaType() {
            return "multipart/" + subtype;
        }
    }
}
