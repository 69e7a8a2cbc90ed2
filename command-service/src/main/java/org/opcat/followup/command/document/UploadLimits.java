package org.opcat.followup.command.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's multipart limits, one for every path: the larger of a spreadsheet
 * import's and a document upload's. Each path's own limit is RequestSizeLimit's, and a document's
 * file is measured again once received. Parts go to disk from their first byte, never to the heap.
 */
@Configuration(proxyBeanMethods = false)
public class UploadLimits {

    /** What a document upload's form adds to its file: boundaries, part headers, title, ids. */
    public static final long FORM_ENVELOPE = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${followup.import.max-request-bytes:10485760}") long importLimit,
            @Value("${followup.document.max-bytes:26214400}") long documentLimit) {
        long largest = Math.max(importLimit, documentLimit + FORM_ENVELOPE);
        return new MultipartConfigElement("", largest, largest, 0);
    }
}
