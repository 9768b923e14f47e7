// The floor for a lobby preview: the camera alone, straight into a video element.
const video = document.getElementById('preview');
video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
video.dataset.streaming = '';
