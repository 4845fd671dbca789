# Sourced before a training JVM starts (training/run-default.sh, training/speed.sh): glibc settings
# for ND4J's native buffers. SameDiff allocates ~300 MB of fresh buffers per training step; by default glibc mmaps
# each large one and unmaps it on free, so every step faults in freshly zeroed pages (kernel clear_page was 17 % of
# CPU samples, 21 % system time). One arena, no mmap and no trimming keep freed buffers in the heap for reuse:
# page faults ~3k/s -> ~70/s, system time 21 % -> 2 %, mean step of the shipped configuration 0.93 -> 0.53 s (200
# iterations each, same hour). Transparent huge pages for the heap (hugetlb=1) cut the faults that remain.
# The price is memory held: the shipped configuration stays flat at ~7 GB resident, but the paper model (batch 16,
# MLP 256x4) grew to ~20 GB in 16 iterations, so ./liif train does not use these settings.
export MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=17179869184 GLIBC_TUNABLES=glibc.malloc.hugetlb=1
