#!/usr/bin/python3
"""Times the official LIIF code's EDSR-baseline encoder (PyTorch, CPU) on random weights and a random image, for
comparison with `./liif bench`'s `encoder_ms_per_mp` on the same machine.

Usage: official-encoder-speed.py OFFICIAL_CHECKOUT [SIDE ...]
OFFICIAL_CHECKOUT is a checkout of github.com/yinboc/liif; SIDE values are square input sides (default 256).
Prints one line per side: the median of 5 timed runs after 2 warm-ups, in seconds and ms per input megapixel.
"""
import statistics
import sys
import time
import types

import torch


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.path.insert(0, sys.argv[1])
    if 'tensorboardX' not in sys.modules:  # imported by the official utils.py for training logs only
        sys.modules['tensorboardX'] = types.SimpleNamespace(SummaryWriter=None)
    import models  # the official code's model registry

    torch.manual_seed(0)
    torch.set_num_threads(2)
    encoder = models.make({'name': 'edsr-baseline', 'args': {'no_upsampling': True}}).eval()
    for side in [int(s) for s in sys.argv[2:]] or [256]:
        x = torch.rand(1, 3, side, side) * 2 - 1
        times = []
        with torch.no_grad():
            for run in range(7):
                start = time.perf_counter()
                encoder(x)
                if run >= 2:
                    times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"official edsr-baseline encoder {side}x{side}: {median:.3f} s, "
              f"{median * 1000 / (side * side / 1e6):.0f} ms per input megapixel (torch {torch.__version__}, "
              f"{torch.get_num_threads()} threads)")


if __name__ == '__main__':
    main()
