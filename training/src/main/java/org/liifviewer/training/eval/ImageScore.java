package org.liifviewer.training.eval;

/**
 * The scores of one method on one image at one scale.
 *
 * @param set    the set's name
 * @param image  the image's file stem
 * @param scale  upscaling factor
 * @param method which upscaler
 * @param source where the LR input came from
 * @param lrH    LR rows
 * @param lrW    LR columns
 * @param hrH    rows of the HR crop (= output rows)
 * @param hrW    columns of the HR crop
 * @param psnr   PSNR in dB under the run's protocol
 * @param ssim   SSIM on Y with the protocol's shave
 * @param gradientRatio the output's mean Sobel gradient magnitude of Y over the HR crop's (SSIM's shave)
 * @param lpips  LPIPS between the output and the HR crop, NaN when not measured
 */
public record ImageScore(String set, String image, int scale, Method method, LrSource source,
                         int lrH, int lrW, int hrH, int hrW, double psnr, double ssim, double gradientRatio,
                         double lpips) {
}
