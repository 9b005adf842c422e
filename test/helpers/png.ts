/**
 * Reads a PNG into its pixels (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots
 * are), so a test can look at what was drawn. zlib is Node's; the five row filters are PNG's.
 */
import {inflateSync} from 'node:zlib';

export type Image = {width: number; height: number; rgba: Uint8Array};

export function decodePng(png: Buffer): Image {
	if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
	let offset = 8;
	let width = 0;
	let height = 0;
	let channels = 0;
	const data: Buffer[] = [];
	while (offset < png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('ascii', offset + 4, offset + 8);
		const body = png.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			const depth = body[8];
			const colour = body[9];
			if (depth !== 8 || body[12] !== 0 || (colour !== 2 && colour !== 6)) {
				throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
			}
			channels = colour === 6 ? 4 : 3;
		} else if (type === 'IDAT') {
			data.push(body);
		} else if (type === 'IEND') {
			break;
		}
		offset += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * channels;
	const pixels = new Uint8Array(height * stride);
	for (let row = 0; row < height; row++) {
		const filter = raw[row * (stride + 1)]!;
		const line = raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
		for (let index = 0; index < stride; index++) {
			const left =
				index >= channels ? pixels[row * stride + index - channels]! : 0;
			const up = row > 0 ? pixels[(row - 1) * stride + index]! : 0;
			const corner =
				row > 0 && index >= channels
					? pixels[(row - 1) * stride + index - channels]!
					: 0;
			let value = line[index]!;
			if (filter === 1) value += left;
			else if (filter === 2) value += up;
			else if (filter === 3) value += Math.floor((left + up) / 2);
			else if (filter === 4) value += paeth(left, up, corner);
			pixels[row * stride + index] = value & 0xff;
		}
	}
	const rgba = new Uint8Array(width * height * 4);
	for (let pixel = 0; pixel < width * height; pixel++) {
		for (let channel = 0; channel < 3; channel++) {
			rgba[pixel * 4 + channel] = pixels[pixel * channels + channel]!;
		}
		rgba[pixel * 4 + 3] = channels === 4 ? pixels[pixel * 4 + 3]! : 255;
	}
	return {width, height, rgba};
}

function paeth(left: number, up: number, corner: number): number {
	const estimate = left + up - corner;
	const toLeft = Math.abs(estimate - left);
	const toUp = Math.abs(estimate - up);
	const toCorner = Math.abs(estimate - corner);
	if (toLeft <= toUp && toLeft <= toCorner) return left;
	return toUp <= toCorner ? up : corner;
}

/** How many pixels have exactly this colour (`#rrggbb`). */
export function countColour(image: Image, hex: string): number {
	const [r, g, b] = [1, 3, 5].map((start) =>
		Number.parseInt(hex.slice(start, start + 2), 16),
	);
	let count = 0;
	for (let index = 0; index < image.rgba.length; index += 4) {
		if (
			image.rgba[index] === r &&
			image.rgba[index + 1] === g &&
			image.rgba[index + 2] === b
		) {
			count++;
		}
	}
	return count;
}
