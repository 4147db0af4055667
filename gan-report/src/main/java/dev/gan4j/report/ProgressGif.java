package dev.gan4j.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF of frames, written with the JDK's own GIF writer: each frame shown for a delay, the
 * whole looping forever through the NETSCAPE2.0 application extension (the de-facto loop marker every
 * browser reads; GIF89a itself has none).
 */
final class ProgressGif {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private ProgressGif() {}

    /**
     * Returns {@code image} with a palette of 256 colours, as a GIF frame holds it: exact for grey images
     * (256 greys), 3-3-2 bits of red, green and blue otherwise. Done once per frame when it is added,
     * so that re-encoding every frame each epoch is only compression: the JDK's writer would otherwise
     * build a palette for each RGB frame each time, the bulk of the cost.
     */
    static BufferedImage indexed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        boolean grey = true;
        for (int p : rgb) {
            int r = (p >> 16) & 0xFF;
            if (r != ((p >> 8) & 0xFF) || r != (p & 0xFF)) {
                grey = false;
                break;
            }
        }
        byte[] reds = new byte[256];
        byte[] greens = new byte[256];
        byte[] blues = new byte[256];
        for (int i = 0; i < 256; i++) {
            reds[i] = (byte) (grey ? i : ((i >> 5) & 7) * 255 / 7);
            greens[i] = (byte) (grey ? i : ((i >> 2) & 7) * 255 / 7);
            blues[i] = (byte) (grey ? i : (i & 3) * 255 / 3);
        }
        IndexColorModel palette = new IndexColorModel(8, 256, reds, greens, blues);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] indices = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            indices[i] = (byte) (grey ? p & 0xFF
                    : ((((p >> 16) & 0xFF) * 7 + 127) / 255) << 5 | ((((p >> 8) & 0xFF) * 7 + 127) / 255) << 2
                            | ((p & 0xFF) * 3 + 127) / 255);
        }
        return out;
    }

    /**
     * Encodes {@code frames} (best made by {@link #indexed}), each shown for {@code delayMillis} (GIF counts hundredths of a second), the
     * last one longer so the final samples can be looked at before the loop starts again.
     *
     * @throws IOException if the JDK has no GIF writer or the encoding fails
     */
    static byte[] encode(List<BufferedImage> frames, int delayMillis) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer in this JDK");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                int delay = i == frames.size() - 1 ? Math.max(delayMillis, 1500) : delayMillis;
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                describe(metadata, frame, delay, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void describe(IIOMetadata metadata, BufferedImage frame, int delayMillis, boolean first)
            throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        if (frame.getColorModel() instanceof IndexColorModel palette) {
            // The frame's own palette as its local colour table: the JDK's writer would otherwise map the
            // indices through a default global table, drawing the greys in false colours.
            IIOMetadataNode table = child(root, "LocalColorTable");
            table.setAttribute("sizeOfLocalColorTable", Integer.toString(palette.getMapSize()));
            table.setAttribute("sortFlag", "FALSE");
            for (int i = 0; i < palette.getMapSize(); i++) {
                IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
                entry.setAttribute("index", Integer.toString(i));
                entry.setAttribute("red", Integer.toString(palette.getRed(i)));
                entry.setAttribute("green", Integer.toString(palette.getGreen(i)));
                entry.setAttribute("blue", Integer.toString(palette.getBlue(i)));
                table.appendChild(entry);
            }
        }
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            // NETSCAPE2.0 sub-block 1: a loop count of 0 means forever (little-endian 16 bits).
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
        }
        metadata.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
