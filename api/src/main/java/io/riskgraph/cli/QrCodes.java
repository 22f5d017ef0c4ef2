package io.riskgraph.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.riskgraph.workflow.InspectionTask;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Each task's inspection code as a QR image (ZXing) holding the URL of the public scan-check page,
 * {@code BASE/verify/CODE}, one PNG per task named after the task id.
 */
final class QrCodes {
    /** Pixels per side of a QR image. */
    static final int SIZE_DEFAULT = 360;
    static final String VERIFY_URL_DEFAULT = "http://127.0.0.1:8080";

    private QrCodes() {}

    /** The page URL for a code under a base such as https://scm.example.gov.cn. */
    static String url(String base, String code) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + "/verify/" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Checks the base URL before anything is drawn: http(s), a host, no query. */
    static String checkBase(String base) {
        URI u;
        try {
            u = URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--verify-url '" + base + "' is not a URL: " + e.getMessage());
        }
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null || u.getQuery() != null
                || u.getFragment() != null) {
            throw new IllegalArgumentException("--verify-url must be an http(s) URL with a host and no query, e.g. "
                    + "https://scm.example.gov.cn, got '" + base + "'");
        }
        return base.strip();
    }

    /** Writes one PNG per task with a code; returns how many. */
    static int write(Path dir, String base, List<InspectionTask> tasks) throws IOException {
        Files.createDirectories(dir);
        QRCodeWriter writer = new QRCodeWriter();
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8");
        int n = 0;
        for (InspectionTask t : tasks) {
            if (t.code() == null || t.code().isEmpty()) continue;
            BitMatrix m;
            try {
                m = writer.encode(url(base, t.code()), BarcodeFormat.QR_CODE, SIZE_DEFAULT, SIZE_DEFAULT, hints);
            } catch (WriterException e) {
                throw new IOException("cannot encode the code of " + t.taskId() + " as QR: " + e.getMessage(), e);
            }
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) img.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
            ImageIO.write(img, "png", dir.resolve(t.taskId() + ".png").toFile());
            n++;
        }
        return n;
    }
}
