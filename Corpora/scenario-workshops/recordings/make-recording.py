#!/usr/bin/env python3
"""Makes the bundled demo recording: the opening minutes of the citizens' afternoon session,
read aloud by espeak-ng (one voice per speaker) with each utterance placed at the time the
transcript gives it, then encoded as Ogg Opus with ffmpeg.

The recording is synthetic, like the transcript it reads: nobody's voice is in it. Run from any
folder; it needs `espeak-ng` and `ffmpeg` (Debian: apt-get install espeak-ng ffmpeg) and writes
citizens-1-afternoon-opening.ogg beside itself. It is committed, so neither the build nor the
tests need these programs.
"""

import os
import re
import subprocess
import sys
import tempfile
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
TRANSCRIPT = os.path.join(HERE, "..", "citizens", "citizens-1-afternoon.txt")
OUTPUT = os.path.join(HERE, "citizens-1-afternoon-opening.ogg")
# The recording ends here (seconds of transcript time): just before P03 takes the floor.
END = 181.0
RATE = 22050
VOICES = {"Gespreksleider": "nl+m3", "P01": "nl+f2", "P02": "nl+m1", "P04": "nl+m5"}
LINE = re.compile(r"^\[(\d\d):(\d\d):(\d\d)\] ([^:]+): (.*)$")


def utterances():
    """(start, speaker, text) for every timed line before END, stage directions left out."""
    found = []
    with open(TRANSCRIPT, encoding="utf-8") as handle:
        for line in handle:
            match = LINE.match(line.rstrip("\n"))
            if not match:
                continue
            start = int(match.group(1)) * 3600 + int(match.group(2)) * 60 + int(match.group(3))
            if start >= END:
                break
            text = re.sub(r"\([^)]*\)", "", match.group(5)).strip()
            found.append((float(start), match.group(4), text))
    return found


def speak(text, voice, words_per_minute, path):
    """Synthesises `text` into a 22,050 Hz mono WAV; returns its samples (16-bit little-endian)."""
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(words_per_minute), "-w", path, text], check=True)
    with wave.open(path, "rb") as audio:
        if audio.getframerate() != RATE or audio.getnchannels() != 1 or audio.getsampwidth() != 2:
            sys.exit("espeak-ng wrote an unexpected WAV format")
        return audio.readframes(audio.getnframes())


def main():
    lines = utterances()
    timeline = bytearray(int(END * RATE) * 2)
    with tempfile.TemporaryDirectory() as folder:
        scratch = os.path.join(folder, "utterance.wav")
        for number, (start, speaker, text) in enumerate(lines):
            available = (lines[number + 1][0] if number + 1 < len(lines) else END) - start - 0.4
            speed = 165
            samples = speak(text, VOICES.get(speaker, "nl"), speed, scratch)
            # Faster speech when the turn would run into the next one.
            while len(samples) / 2 / RATE > available and speed < 400:
                speed = min(400, int(speed * (len(samples) / 2 / RATE) / available) + 5)
                samples = speak(text, VOICES.get(speaker, "nl"), speed, scratch)
            offset = int(start * RATE) * 2
            room = len(timeline) - offset
            timeline[offset:offset + min(room, len(samples))] = samples[:room]
            print("%6.1f s  %-15s %3d wpm  %5.1f s" % (start, speaker, speed, len(samples) / 2 / RATE))
        mixed = os.path.join(folder, "timeline.wav")
        with wave.open(mixed, "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(RATE)
            audio.writeframes(bytes(timeline))
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-i", mixed, "-c:a", "libopus", "-b:a", "16k", "-ac", "1",
             "-map_metadata", "-1", "-fflags", "+bitexact", OUTPUT],
            check=True)
    print("wrote %s (%d bytes)" % (OUTPUT, os.path.getsize(OUTPUT)))


if __name__ == "__main__":
    main()
