#!/usr/bin/env bash
# identity of --spark local[2] vs single JVM (MiniLM-L6, N shared-corpus sentences), and kill -9 of the driver
set -u
N=${N:-2000}
cd "$(dirname "$0")/../.."
B=${OUT:-runs/spark-compare}/n$N
C=${CORPUS:?corpus file, e.g. shared/corpora/enwiki-2015-AA.wikiextractor.txt.gz}
W=${WORDS:?a word list, one word a line}
mkdir -p $B
T=$B/times.txt
timed() { # name, command...
  local name=$1; shift
  echo "$name load before: $(cat /proc/loadavg)" >> $T
  /usr/bin/time -v -o $B/$name.time "$@" > $B/$name.log 2>&1
  echo "$name rc=$? $(grep -E 'Elapsed|Maximum resident' $B/$name.time | tr '\n' ' ')" >> $T
  echo "$name load after: $(cat /proc/loadavg)" >> $T
}
distill() { # name, extra...
  local name=$1; shift
  rm -rf $B/$name; mkdir -p $B/$name
  timed $name ./x2s distill "$@" --teacher all-minilm-l6-v2 --corpus $C --max-sentences $N --epochs 1 --teacher-batch 8 \
    --cache $B/$name/cache --out $B/$name/minilm.x2v
}
pc() { # name, extra...
  local name=$1; shift
  rm -rf $B/$name
  timed $name ./x2s pc "$@" --teacher all-minilm-l6-v2 --corpus $C --max-sentences $N --layers 1,6 \
    --method pc,pc-centred,mean,decontext --words $W --lower --chunk-sentences 64 --out $B/$name
}
sums() { (cd $B/$1 && find . -type f ! -name '*.json' ! -name 'time.txt' | sort | xargs sha256sum); }
distill d-single
distill d-spark --spark 'local[2]'
pc p-single
pc p-spark --spark 'local[2]'
for x in d p; do
  sums $x-single > $B/$x-single.sha; sums $x-spark > $B/$x-spark.sha
  if cmp -s $B/$x-single.sha $B/$x-spark.sha; then echo "$x: identical ($(wc -l < $B/$x-single.sha) files)" >> $T;
  else echo "$x: DIFFERENT" >> $T; fi
done
# kill -9 of the driver once shards are being written, then the same command again
rm -rf $B/p-kill
echo "p-kill load before: $(cat /proc/loadavg)" >> $T
./x2s pc --spark 'local[2]' --teacher all-minilm-l6-v2 --corpus $C --max-sentences $N --layers 1,6 \
  --method pc,pc-centred,mean,decontext --words $W --lower --chunk-sentences 64 --out $B/p-kill > $B/p-kill.log 2>&1 &
L=$!
while :; do
  n=$(ls $B/p-kill/work/shards-encode/*.shard 2>/dev/null | wc -l)
  [ "$n" -ge 3 ] && break
  kill -0 $L 2>/dev/null || break
  sleep 0.5
done
J=$(pgrep -P $L java || echo $L)
kill -9 $J
wait $L
echo "p-kill: killed java $J with $(ls $B/p-kill/work/shards-encode/*.shard | wc -l) shards on disk, $(ls $B/p-kill/work/shards-encode/_attempts 2>/dev/null | wc -l) attempt files" >> $T
timed p-kill-rerun ./x2s pc --spark 'local[2]' --teacher all-minilm-l6-v2 --corpus $C --max-sentences $N --layers 1,6 \
  --method pc,pc-centred,mean,decontext --words $W --lower --chunk-sentences 64 --out $B/p-kill
grep "x2s spark" $B/p-kill-rerun.log >> $T
sums p-kill > $B/p-kill.sha
if cmp -s $B/p-single.sha $B/p-kill.sha; then echo "p-kill: identical to single ($(wc -l < $B/p-kill.sha) files)" >> $T; else echo "p-kill: DIFFERENT" >> $T; fi
