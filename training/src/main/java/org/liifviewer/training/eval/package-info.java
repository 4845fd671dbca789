/**
 * {@code liif eval}: LIIF's {@code test.py} evaluation protocol with the bicubic baseline beside the model.
 *
 * <p>Decisions, where the data or the paper leave a choice:
 * <ul>
 *   <li>LR inputs: the provided {@code LR_bicubic} files (MATLAB bicubic) for x2-x4 when present, as
 *       {@code sr-implicit-paired}; every other scale, and x2-x4 without a file, is generated as
 *       {@code sr-implicit-downsampled} (Pillow bicubic {@code resize_fn}). The benchmark {@code X8} files are
 *       therefore never used: their provenance is unverified, and the LIIF paper generates x8 itself.</li>
 *   <li>The bicubic row upscales the same LR with MATLAB {@code imresize} (8-bit output), like the SR
 *       literature's bicubic numbers, not with PyTorch or Pillow bicubic.</li>
 *   <li>SSIM is computed on Y with the PSNR's shave for both protocols.</li>
 *   <li>A grayscale image (Set14 {@code bridge}) is read as three equal channels, as PIL's
 *       {@code convert('RGB')} in the official loader does.</li>
 *   <li>Several sets in one run: the tables and CSV are per set; the JSON's top-level means are over all
 *       evaluated images, with per-set means under {@code "sets"}.</li>
 * </ul>
 *
 * <p>Entry point: {@link org.liifviewer.training.eval.Evaluator#run}.
 */
package org.liifviewer.training.eval;
