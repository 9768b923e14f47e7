export async function report(data: object): Promise<void> {
  console.log(JSON.stringify(data, null, 1));
}
