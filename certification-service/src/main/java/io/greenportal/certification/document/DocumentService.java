package io.greenportal.certification.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationAccess;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.application.Workflow;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Application documents: PDFs only (checked by their content, not their name or declared type),
 * size-limited, stored with their SHA-256 in the database. The applicant uploads while editing;
 * documents of submitted rounds stay as they were.
 */
@Service
public class DocumentService {

    static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_DOCUMENTS_PER_ROUND = 30;

    private final DocumentStore documents;
    private final ApplicationStore applications;
    private final ApplicationAccess access;
    private final Workflow workflow;
    private final Clock clock;
    private final long maxBytes;

    public DocumentService(DocumentStore documents, ApplicationStore applications, ApplicationAccess access,
            Workflow workflow, Clock clock, @Value("${greenportal.documents.max-size:20MB}") DataSize maxSize) {
        this.documents = documents;
        this.applications = applications;
        this.access = access;
        this.workflow = workflow;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    public record Upload(String fileName, long size, InputStream content) {
    }

    @Transactional
    public Document upload(Caller caller, UUID applicationId, String kindName, Upload upload) {
        Application application = access.requireOwner(caller, workflow.lock(applicationId));
        Workflow.require(application, ApplicationState.EDITABLE, "add documents to");
        DocumentKind kind;
        try {
            kind = kindName == null || kindName.isBlank() ? DocumentKind.OTHER : DocumentKind.valueOf(kindName.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", "must be one of " + List.of(DocumentKind.values()));
        }
        if (kind == DocumentKind.EVALUATION_REPORT) {
            throw ApiException.invalid("kind", "the evaluation report is uploaded by the evaluation body that confirmed "
                    + "the engagement (POST …/engagement/report), not by the enterprise");
        }
        return store(caller, application, kind, upload);
    }

    /**
     * Stores the evaluation report of the body engaged on {@code application} (locked by the caller's
     * transaction): the same PDF, name and size rules as the enterprise's documents.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Document storeEvaluationReport(Caller evaluator, Application application, Upload upload) {
        return store(evaluator, application, DocumentKind.EVALUATION_REPORT, upload);
    }

    /** Removes a report the body replaced before it was submitted (documents of submitted rounds stay). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void dropUnsubmitted(Application application, UUID documentId) {
        documents.find(application.id(), documentId).filter(d -> d.round() > application.round())
                .ifPresent(d -> documents.delete(d.id()));
    }

    private Document store(Caller caller, Application application, DocumentKind kind, Upload upload) {
        UUID applicationId = application.id();
        String problem = FileNames.problem(upload.fileName());
        if (problem != null) {
            throw ApiException.invalid("file", problem);
        }
        if (upload.size() > maxBytes) {
            throw tooLarge();
        }
        int round = application.round() + 1;
        if (documents.count(applicationId, round) >= MAX_DOCUMENTS_PER_ROUND) {
            throw ApiException.conflict("too-many-documents", "file",
                    "At most " + MAX_DOCUMENTS_PER_ROUND + " documents per submission");
        }
        byte[] bytes = read(upload.content());
        if (bytes.length == 0) {
            throw ApiException.invalid("file", "is empty");
        }
        if (bytes.length < PDF_MAGIC.length || !Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-pdf", "file",
                    "Only PDF documents are accepted, and this file's content is not a PDF");
        }
        Document document = new Document(UUID.randomUUID(), applicationId, round, kind, upload.fileName(), bytes.length,
                sha256(bytes), caller.username(), Times.now(clock));
        documents.insert(document, bytes);
        return document;
    }

    public List<Document> list(Caller caller, UUID applicationId) {
        readable(caller, applicationId);
        return documents.list(applicationId);
    }

    public record Download(Document document, byte[] content) {
    }

    public Download download(Caller caller, UUID applicationId, UUID documentId) {
        readable(caller, applicationId);
        Document document = documents.find(applicationId, documentId)
                .orElseThrow(() -> ApiException.notFound("Document " + documentId));
        return new Download(document, documents.content(documentId));
    }

    @Transactional
    public void delete(Caller caller, UUID applicationId, UUID documentId) {
        Application application = access.requireOwner(caller, workflow.lock(applicationId));
        Workflow.require(application, ApplicationState.EDITABLE, "remove documents from");
        Document document = documents.find(applicationId, documentId)
                .orElseThrow(() -> ApiException.notFound("Document " + documentId));
        if (document.kind() == DocumentKind.EVALUATION_REPORT) {
            throw ApiException.conflict("document-of-evaluation-body", "documentId",
                    "The evaluation report is the evaluation body's: it replaces it by uploading another one");
        }
        if (document.round() <= application.round()) {
            throw ApiException.conflict("document-submitted", "documentId",
                    "This document was submitted in round " + document.round() + " and is kept as part of it");
        }
        documents.delete(documentId);
    }

    private void readable(Caller caller, UUID applicationId) {
        Application application = applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("Application " + applicationId));
        if (!access.canReadDocuments(caller, application)) {
            if (access.canSee(caller, application)) {
                throw ApiException.forbidden("Documents are for the applicant and the reviewers only");
            }
            throw ApiException.notFound("Application " + applicationId);
        }
    }

    private byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "file",
                "A document may be at most " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
